namespace io {}

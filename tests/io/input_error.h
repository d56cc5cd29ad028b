// The message of the io::InputError a read throws: what the error tests of io/ compare.
#pragma once

#include <string>

#include <gtest/gtest.h>

#include "io/errors.h"

namespace testing_support {

/// The message of the InputError that `read` throws, or a test failure when it throws none.
template <typename Read>
std::string input_error(Read&& read) {
  try {
    read();
  } catch (const io::InputError& error) {
    return error.what();
  }
  ADD_FAILURE() << "no io::InputError thrown";
  return {};
}

}  // namespace testing_support

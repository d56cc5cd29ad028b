#!/usr/bin/env python3
"""Writes the seed corpus of the fuzz targets (tests/fuzz/corpus/<target>/). Run from anywhere;
the files it writes are checked in, so this only documents how they were made (and remakes
them). libFuzzer adds what it finds to build-fuzz/corpus/, not here."""
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, '..', 'data', 'siting')
C = os.path.join(HERE, 'corpus')


def w(target, name, data):
    if isinstance(data, str):
        data = data.encode()
    os.makedirs(os.path.join(C, target), exist_ok=True)
    with open(os.path.join(C, target, name), 'wb') as f:
        f.write(data)


# matrix_csv: D.csv NUL [S.csv NUL] M.csv
D = "demand_id,weight\na,10\nb,0\n\"c,1\",2.5\n"
S = "candidate_id,cost\nx,1\ny,3\n"
M = "demand_id,candidate_id,cost\na,x,100\nb,x,\n\"c,1\",y,50\n"
w('matrix_csv', 'with_sites.csv', D + "\0" + S + "\0" + M)
w('matrix_csv', 'no_sites.csv', D + "\0" + M)
w('matrix_csv', 'bom_crlf_quotes.csv',
  "\ufeffdemand_id,weight\r\n\"a\"\"q\",1\r\n\0demand_id,candidate_id,cost\r\n\"a\"\"q\",s1, 7 \r\n")
w('matrix_csv', 'bad_number.csv', "demand_id,weight\na,-1\n\0demand_id,candidate_id,cost\na,x,1e400\n")
w('matrix_csv', 'repeated_pair.csv',
  "demand_id,weight\na,1\n\0demand_id,candidate_id,cost\na,x,1\na,x,2\nz,x,1\n")
w('matrix_csv', 'unclosed_quote.csv', "demand_id,weight\n\"a,1\n\0demand_id,candidate_id,cost\n")
sf = os.path.join(DATA, 'sf-store-location-allocation',
                  'SF_network_distance_candidateStore_16_censusTract_205_new.csv')
rows = [l.split(',') for l in open(sf).read().splitlines()[1:6]]
w('matrix_csv', 'sf_style.csv',
  "demand_id,weight\n060750479.01,6540\n060750479.02,3539\n\0demand_id,candidate_id,cost\n" +
  "".join(f"{r[2]},{r[1]},{r[0]}\n" for r in rows))

# orlib: first byte 0 pmed, 1 scp, 2 optima
pm = open(os.path.join(DATA, 'orlib-pmed', 'pmed1.txt')).read().split('\n')
w('orlib', 'pmed_head.txt', b'\x00' + ("100 5 5\n" + "\n".join(pm[1:6]) + "\n").encode())
w('orlib', 'pmed_repeat.txt', b'\x00' + b"3 3 1\n1 2 5\n2 1 7\n3 3 0\n")
w('orlib', 'pmed_bad.txt', b'\x00' + b"3 2 1\n1 4 5\n")
w('orlib', 'scp_small.txt', b'\x01' + b" 2 3\n 1 2 3\n 2\n 1 3\n 1\n 2\n")
w('orlib', 'scp_huge_header.txt', b'\x01' + b" 99999999 99999999\n 1\n")
w('orlib', 'optima_csv.txt', b'\x02' + open(os.path.join(DATA, 'orlib-scp', 'known_optima.csv'), 'rb').read())
w('orlib', 'optima_txt.txt', b'\x02' + open(os.path.join(DATA, 'orlib-pmed', 'pmedopt.txt'), 'rb').read()[:400])
w('orlib', 'optima_bad.txt', b'\x02' + b"instance,optimum\nscp41,abc\n")


# options: first byte 0 (mod 3): argv, one argument a line
def argv(*a):
    return b'\x00' + "\n".join(a).encode()


w('options', 'evaluate.txt', argv('evaluate', '--roads', 'city.gpkg', '--roads-layer', 'roads', '--centers',
                                  'city.gpkg', '--blocks', 'b.shp', '--pop-field', 'POP_2020', '--crs',
                                  'EPSG:4549', '--minutes', '5,10,15', '--out', 'r.gpkg'))
w('options', 'evaluate_bad_minutes.txt', argv('evaluate', '--roads', 'x.osm.pbf', '--minutes', '5,,nan,-3',
                                              '--threads', '-1', '--overlap', 'merge'))
w('options', 'evaluate_areas.txt', argv('evaluate', '--roads', 'x.osm.pbf', '--service-areas', '--bands', 'disks',
                                        '--overlap', 'split', '--hull', 'convex', '--layers', 'nodes',
                                        '--length-model', 'haversine'))
w('options', 'site_matrix.txt', argv('site', '--matrix', 'M.csv', '--demand', 'D.csv', '--site-costs', 'S.csv',
                                     '--model', 'lscp', '--max-cost', '900', '--exact', '--json'))
w('options', 'site_osm.txt', argv('site', '--roads', 'porto.osm.pbf', '--model', 'mclp', '--k', '5',
                                  '--out', 'out/sites.gpkg'))
w('options', 'osm_help.txt', argv('osm', '--help'))
# run, batch and compare: the scenario commands, each once as it parses and once with bad numbers
w('options', 'run.txt', argv('run', 'data/porto-scenario.toml', '--out', 'out/porto-scenario', '--threads',
                             '2', '--overwrite'))
w('options', 'run_bad_threads.txt', argv('run', 's.toml', '--out', 'o', '--threads', '-1'))
w('options', 'batch.txt', argv('batch', 'a.toml', 'b.toml', '--out', 'out/batch', '--jobs', '2', '--threads', '1'))
w('options', 'batch_bad_jobs.txt', argv('batch', 'a.toml', '--out', 'o', '--jobs', '0', '--threads', '1e3'))
w('options', 'compare.txt', argv('compare', 'before.gpkg', 'after.gpkg', '--out', 'changes/', '--overwrite'))
# numbers that parse, written the ways CLI11 reads differently as an integer and as a double
# (octal, hex, signs, exponents, spaces), so the range assertions start from accepted values
w('options', 'evaluate_numbers.txt', argv('evaluate', '--roads', 'x.osm.pbf', '--speed-kmh', '4.5e0',
                                          '--minutes', '5,0x1p3,15', '--max-snap', ' 300', '--threads', '010',
                                          '--island-vertices', '0x10', '--island-share', '.05',
                                          '--long-edge-m', '+1000', '--access', 'e2sfca',
                                          '--access-minutes', '15', '--node-tolerance', '-0', '--out', 'r.gpkg'))
w('options', 'site_numbers.txt', argv('site', '--matrix', 'M.csv', '--demand', 'D.csv', '--model', 'cpmedian',
                                      '--k', '07', '--site-capacity', '1e3', '--time-limit', '60',
                                      '--curve', '0x0', '--max-cost', '900.5'))
w('options', 'version.txt', argv('--version'))
# first byte 1 (mod 3): fields (count, then per field type, name choice, ...; see options_fuzz.cpp)
w('options', 'fields_pop.bin', bytes([1, 3, 1, 1, 0, 0, 3, ord('P'), ord('o'), ord('p'), 3, 0, 3, ord('a'), ord('b'),
                                      ord('c'), 0, 3, ord('P'), ord('O'), ord('P'), 2, 4]) + b' 12 ' +
  bytes([2, 3]) + b'1.5' + bytes([2, 2]) + b'-1' + bytes([1, 5, 0]))
# first byte 2 (mod 3): numbers: a command (osm, evaluate, site, compare, run, batch), then pairs of
# (which of its numeric options, length, value text) after its shortest command line
def numbers(command, *pairs):
    out = bytes([2, command])
    for option, value in pairs:
        out += bytes([option, len(value)]) + value.encode()
    return out


for i, name in enumerate(['osm', 'evaluate', 'site', 'compare', 'run', 'batch']):
    w('options', f'numbers_{name}.bin', numbers(i, (0, '15')))
    w('options', f'numbers_{name}_several.bin', numbers(i, (1, '010'), (2, '0x1p3'), (3, ' 2e1')))
w('options', 'fields_gbk.bin', bytes([1, 1, 0, 1, 1, 2, 2, 0xC8, 0xCB, 0, 7, 0, 0, 1, 0, 1]))

# osm_ways: bytes from a seeded generator (the target's reader gives them structure)
rnd = random.Random(6)
for i in range(8):
    w('osm_ways', f'osm_{i}.bin', bytes([0]) + bytes(rnd.randrange(256) for _ in range(rnd.randrange(40, 400))))
    w('osm_ways', f'lines_{i}.bin', bytes([1]) + bytes(rnd.randrange(256) for _ in range(rnd.randrange(40, 400))))

# scenario_file: the scenario files we ship and test with (good and bad), as they are, plus one
# that uses every key once (docs/scenarios.md), so the fuzzer starts from each branch.
ROOT = os.path.join(HERE, '..', '..')
SCEN = os.path.join(HERE, '..', 'data', 'scenarios')
for src, name in [(os.path.join(ROOT, 'data', 'porto-scenario.toml'), 'porto.toml'),
                  (os.path.join(SCEN, 'small.toml'), 'small.toml'),
                  (os.path.join(SCEN, 'two-halves.toml'), 'two-halves.toml')] + \
        [(os.path.join(SCEN, 'bad', f), 'bad-' + f) for f in sorted(os.listdir(os.path.join(SCEN, 'bad')))]:
    w('scenario_file', name, open(src, 'rb').read())
w('scenario_file', 'every-key.toml', '''roads = "/data/roads.gpkg"
roads-layer = "roads"
centers = "PG:dbname=city"
centers-layer = "centers"
blocks = "../blocks.shp"
blocks-layer = "blocks"
entrances = "entrances.geojson"
entrances-layer = "e"
communities = "c.gpkg"
communities-layer = "c"
road-id-field = "osm_id"
source-field = "u"
target-field = "v"
center-id-field = "id"
center-name-field = "name"
tier-field = "tier"
block-id-field = "bid"
block-name-field = "bname"
pop-field = "POP"
community-field = "comm"
entrance-block-field = "block"
community-id-field = "cid"
community-name-field = "cname"
encoding = "GBK"
assume-crs = "EPSG:4326"
crs = "EPSG:4549"
edit-crs = "EPSG:4549"
gcj02 = true
length-model = "haversine"
node-tolerance = 0.05
service-areas = true
bands = "disks"
overlap = "split"
hull = "convex"
buffer-m = 10.5
simplify-m = 2
speed-kmh = 4.8
minutes = [5, 10.5, 15]
cover-minutes = 15
max-snap = 250
sample-spacing = 20
search-limit = 30

[[variant]]
name = "all_edits-1"
speed-kmh = 3
minutes = 10
add-centers = [{ id = 7, name = "n", tier = "t", x = 500000.5, y = 3500000 }]
add-centers-layer = { path = "new.gpkg", layer = "c", id-field = "i", name-field = "n", tier-field = "t" }
close-centers = ["c1", 2]
close-roads = [3, -4]
close-crossing = ["MULTILINESTRING((0 0, 1 1), (2 2, 3 3))", "POLYGON((0 0, 10 0, 10 10, 0 10, 0 0), (2 2, 3 2, 3 3, 2 2))"]
close-crossing-layer = { path = "b.shp" }
add-footpaths = ["LINESTRING(0 0, 5 5)"]
add-footpaths-layer = "paths.geojson"
footpath-snap = 30
speed-factor = { steps = 0.5, footway = 10 }
site = { k = 1000, model = "pcenter" }

[[variant]]
name = "MULTIPOLYGON"
close-crossing = ["MULTIPOLYGON(((0 0, 1 0, 1 1, 0 0)))"]
site = { model = "pmedian" }
''')

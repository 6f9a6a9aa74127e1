# Replay benchmarks (./dev bench replay runs bench-replay.sh): importing a 10,000-entry HAR
# (about 50 MB, made by gen-har.py) with its wall time and peak RSS.
qt_add_executable(bench_har ${CMAKE_CURRENT_LIST_DIR}/bench-har.cpp)
target_link_libraries(bench_har PRIVATE keyhaven-replay keyhaven_options)
set_target_properties(bench_har PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${PROJECT_BINARY_DIR}/bin)

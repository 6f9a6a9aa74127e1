# JOSE verification throughput (./dev bench jose runs bench-jose.sh, which runs this and the
# PyJWT / node jose / `jose jws ver` comparisons).
find_package(benchmark REQUIRED)
add_executable(bench_jose ${CMAKE_CURRENT_LIST_DIR}/bench_jose.cpp)
target_link_libraries(bench_jose PRIVATE keyhaven-jose keyhaven_options benchmark::benchmark)
set_target_properties(bench_jose PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${PROJECT_BINARY_DIR}/bin)

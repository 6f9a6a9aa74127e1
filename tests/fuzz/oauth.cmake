# libFuzzer target of the loopback receiver's request parser (preset `fuzz`).
# ./dev fuzz callback SECONDS runs it; seeds in seeds/callback/.
add_executable(fuzz_callback ${CMAKE_CURRENT_LIST_DIR}/fuzz_callback.cpp)
target_link_libraries(fuzz_callback PRIVATE keyhaven-oauth keyhaven_options)
target_link_options(fuzz_callback PRIVATE -fsanitize=fuzzer)
set_target_properties(fuzz_callback PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${PROJECT_BINARY_DIR}/bin)

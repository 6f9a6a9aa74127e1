# libFuzzer targets of the replay importers and the WWW-Authenticate parser (preset `fuzz`).
# ./dev fuzz curl|har|challenge SECONDS runs one; seeds: ../shared/testdata/curl and har.
foreach(target curl har challenge)
  add_executable(fuzz_${target} ${CMAKE_CURRENT_LIST_DIR}/fuzz_${target}.cpp)
  target_link_libraries(fuzz_${target} PRIVATE keyhaven-replay keyhaven_options)
  target_link_options(fuzz_${target} PRIVATE -fsanitize=fuzzer)
  set_target_properties(fuzz_${target} PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${PROJECT_BINARY_DIR}/bin)
endforeach()

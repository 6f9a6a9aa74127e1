# libFuzzer targets of the JOSE engine (preset `fuzz`: clang, ASan+UBSan, fuzzer-no-link in
# CMAKE_CXX_FLAGS). ./dev fuzz token|jwk|pem SECONDS runs one; seeds in seeds/<target>/.
foreach(target token jwk pem)
  add_executable(fuzz_${target} ${CMAKE_CURRENT_LIST_DIR}/fuzz_${target}.cpp)
  target_link_libraries(fuzz_${target} PRIVATE keyhaven-jose keyhaven_options)
  target_link_options(fuzz_${target} PRIVATE -fsanitize=fuzzer)
  set_target_properties(fuzz_${target} PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${PROJECT_BINARY_DIR}/bin)
endforeach()

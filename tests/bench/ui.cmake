# GUI benchmarks (./dev bench ui runs bench-ui.sh): the search box over 100,000 rows. The cold
# start and RSS figures come from `keyhaven --bench-startup` over a store filled by bench_fill.
qt_add_executable(bench_ui_filter ${CMAKE_CURRENT_LIST_DIR}/bench-ui-filter.cpp)
target_link_libraries(bench_ui_filter PRIVATE keyhaven-ui keyhaven_options Qt6::Widgets Qt6::Test)
set_target_properties(bench_ui_filter PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${PROJECT_BINARY_DIR}/bin)

# The Token Inspector: a 4 kB token rendered within one frame (bench_ui_inspector).
qt_add_executable(bench_ui_inspector ${CMAKE_CURRENT_LIST_DIR}/bench-ui-inspector.cpp)
target_link_libraries(bench_ui_inspector PRIVATE keyhaven-ui keyhaven_options Qt6::Widgets Qt6::Test)
set_target_properties(bench_ui_inspector PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${PROJECT_BINARY_DIR}/bin)

# Finds orgraph's dependencies. Every one comes from a Debian package; a missing one stops
# configuration with the package to install (nothing is downloaded).
include_guard(GLOBAL)

function(orgraph_require found package what)
  if(NOT ${found})
    message(FATAL_ERROR "orgraph needs ${what}: install the Debian package '${package}' "
                        "(apt-get install ${package})")
  endif()
endfunction()

find_package(Threads REQUIRED)  # parallel betweenness (std::thread)
find_package(fmt QUIET)
orgraph_require(fmt_FOUND libfmt-dev "fmt")
find_package(Boost 1.74 QUIET CONFIG COMPONENTS graph)  # headers: BGL is header-only here
orgraph_require(Boost_FOUND libboost-graph-dev "Boost.Graph")
find_package(nlohmann_json 3.10 QUIET)
orgraph_require(nlohmann_json_FOUND nlohmann-json3-dev "nlohmann-json")
find_package(ICU QUIET COMPONENTS uc i18n)
orgraph_require(ICU_FOUND libicu-dev "ICU")
find_package(PkgConfig QUIET)
orgraph_require(PKG_CONFIG_FOUND pkg-config "pkg-config")
pkg_check_modules(GRAPHVIZ QUIET IMPORTED_TARGET libcgraph libgvc)
orgraph_require(GRAPHVIZ_FOUND libgraphviz-dev "Graphviz cgraph and gvc")
if(ORGRAPH_BUILD_APPS)
  find_package(CLI11 QUIET CONFIG)
  orgraph_require(CLI11_FOUND libcli11-dev "CLI11")
endif()
if(ORGRAPH_BUILD_TESTS)
  find_package(doctest QUIET CONFIG)
  orgraph_require(doctest_FOUND doctest-dev "doctest")
endif()

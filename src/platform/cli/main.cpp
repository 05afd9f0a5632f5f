// quotes: the Quote Explorer core on the command line. See cli.h.
#include <iostream>

#include "platform/cli/cli.h"

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  return qe::cli::run(std::vector<std::string>(argv + 1, argv + argc), std::cin, std::cout, std::cerr);
}

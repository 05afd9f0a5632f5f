// libFuzzer: any URL fragment decodes to a filter that encodes and decodes back unchanged.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/url_hash.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const qe::Filter filter = qe::filter_from_hash(std::string_view(reinterpret_cast<const char*>(data), size));
  const std::string hash = qe::filter_to_hash(filter);
  if (!(qe::filter_from_hash(hash) == filter)) __builtin_trap();
  if (!(qe::filter_to_hash(qe::filter_from_hash("#" + hash)) == hash)) __builtin_trap();
  return 0;
}

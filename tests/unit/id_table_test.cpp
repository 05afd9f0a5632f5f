// The loader's speaker index (core/id_table.h): every id found after the table grows, and a
// skipped JSON Lines line's new speakers taken back, so a later line can describe them anew.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/id_table.h"

TEST_CASE("ids are found through growth, and the last ones added can be taken back") {
  std::vector<std::string> ids;
  qe::IdTable table;
  const auto id_of = [&ids](std::uint32_t i) { return std::string_view(ids[i]); };
  for (int i = 0; i < 1000; ++i) {
    const std::string id = "s" + std::to_string(i * 7919 % 1000);
    REQUIRE(table.find(id, id_of) == qe::IdTable::kAbsent);
    ids.push_back(id);
    table.add(id, id_of);
  }
  CHECK(table.size() == 1000);
  for (std::uint32_t i = 0; i < ids.size(); ++i) CHECK(table.find(ids[i], id_of) == i);
  CHECK(table.find("s1000", id_of) == qe::IdTable::kAbsent);
  CHECK(table.find("", id_of) == qe::IdTable::kAbsent);

  for (int taken = 0; taken < 300; ++taken) {  // as a skipped line's speakers: last first
    table.remove_last(ids.back());
    ids.pop_back();
  }
  CHECK(table.size() == 700);
  for (std::uint32_t i = 0; i < ids.size(); ++i) CHECK(table.find(ids[i], id_of) == i);
  CHECK(table.find("s" + std::to_string(999 * 7919 % 1000), id_of) == qe::IdTable::kAbsent);
  ids.push_back("s" + std::to_string(999 * 7919 % 1000));  // free again
  table.add(ids.back(), id_of);
  CHECK(table.find(ids.back(), id_of) == 700);
}

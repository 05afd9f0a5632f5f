// id_table.h: string ids to the indexes of the records that hold them, for records numbered
// 0, 1, 2… in the order they were added (the corpus's speakers). Open addressing over 32-bit
// slots: no copy of an id and no node per record, as std::unordered_map<std::string> has;
// ids are read back from the records (`id_of(index)`). A million quotes look their speakers
// up 900,000 times while loading.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "core/byte_blocks.h"

namespace qe {

class IdTable {
 public:
  static constexpr std::uint32_t kAbsent = UINT32_MAX;

  std::size_t size() const { return size_; }

  // The index whose id is `id`, or kAbsent.
  template <class IdOf>
  std::uint32_t find(std::string_view id, const IdOf& id_of) const {
    if (slots_.empty()) return kAbsent;
    for (std::size_t i = hash(id) & mask();; i = (i + 1) & mask()) {
      const std::uint32_t slot = slots_[i];
      if (slot == 0) return kAbsent;
      if (blocks::same_bytes(id_of(slot - 1), id)) return slot - 1;
    }
  }

  // Adds the next record, index size(), whose id is not in the table yet.
  template <class IdOf>
  void add(std::string_view id, const IdOf& id_of) {
    if (2 * (size_ + 1) > slots_.size()) grow(id_of);
    place(id, static_cast<std::uint32_t>(size_));
    ++size_;
  }

  // Removes the record added last, whose id is `id`. Every record added after it is gone
  // already, so no probe sequence passes through its slot: emptying it is enough.
  void remove_last(std::string_view id) {
    --size_;
    std::size_t i = hash(id) & mask();
    while (slots_[i] != size_ + 1) i = (i + 1) & mask();
    slots_[i] = 0;
  }

 private:
  // FNV-1a: ids are short.
  static std::uint32_t hash(std::string_view id) {
    std::uint32_t h = 2166136261u;
    for (const char c : id) h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
    return h;
  }
  std::size_t mask() const { return slots_.size() - 1; }

  void place(std::string_view id, std::uint32_t index) {
    std::size_t i = hash(id) & mask();
    while (slots_[i] != 0) i = (i + 1) & mask();
    slots_[i] = index + 1;
  }

  // Twice the slots, the records placed again in the order they were added (which keeps
  // remove_last's reasoning true).
  template <class IdOf>
  void grow(const IdOf& id_of) {
    slots_.assign(slots_.empty() ? 64 : 2 * slots_.size(), 0);
    for (std::uint32_t index = 0; index < size_; ++index) place(id_of(index), index);
  }

  std::vector<std::uint32_t> slots_;  // index + 1 of a record, 0 when empty
  std::size_t size_ = 0;
};

}  // namespace qe

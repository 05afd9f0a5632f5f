// png_writer.h: just enough PNG to save screenshots (RGBA8, stored deflate blocks), so
// the native app needs no image library.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace qe::native {

// `rgba` holds width*height pixels, top row first. Returns false if the file can't be written.
bool WritePng(const std::string& path, int width, int height, const std::vector<std::uint8_t>& rgba);

}  // namespace qe::native

// Hands Dear ImGui's frames to web/renderer.js, which draws them with WebGL 2: in a worker
// through an OffscreenCanvas where the browser can (creating a WebGL context and waiting on
// the GPU then never block the page: with a software GL that is over half a second at
// start-up), else on the page itself. The wasm module links no GL at all.
//
// A frame is one byte packet, little-endian, every part 4-byte aligned:
//   header   6 × u32: framebuffer width, height, clear colour (ImU32 RGBA), vertex bytes,
//                     index bytes (padded to 4), command count
//   vertices ImDrawVert × n (position 2 × f32, uv 2 × f32, colour 4 × u8): 20 bytes each
//   indices  ImDrawIdx (u16) × m
//   commands 8 × 4 bytes each: clip rectangle 4 × f32 (x1, y1, x2, y2, framebuffer pixels),
//            texture id, first vertex's byte offset, first index's byte offset, index count
// renderer.js reads the same layout (its `frame` function); change both together.
#include <emscripten/emscripten.h>
#include <imgui.h>

#include <cstdint>
#include <cstring>
#include <vector>

#include "platform/web/web_app.h"

namespace qe::web {
namespace {

static_assert(sizeof(ImDrawVert) == 20 && sizeof(ImDrawIdx) == 2, "renderer.js reads 20-byte vertices, u16 indices");

constexpr std::uint32_t kFontTexture = 1;

struct PacketCommand {
  float clip[4];
  std::uint32_t texture, vertex_offset, index_offset, index_count;
};
static_assert(sizeof(PacketCommand) == 32);

std::vector<std::uint8_t>& Packet() {
  static std::vector<std::uint8_t> packet;  // reused: a frame allocates nothing once warm
  return packet;
}

void Append(std::vector<std::uint8_t>& packet, const void* data, std::size_t size) {
  const auto* bytes = static_cast<const std::uint8_t*>(data);
  packet.insert(packet.end(), bytes, bytes + size);
}

}  // namespace

void UploadFontAtlas() {
  ImGuiIO& io = ImGui::GetIO();
  // Built by ui::BuildFonts (GetTexDataAsAlpha8 would link ImGui's default font, see there).
  const unsigned char* pixels = io.Fonts->TexPixelsAlpha8;
  const int width = io.Fonts->TexWidth, height = io.Fonts->TexHeight;
  io.Fonts->SetTexID(reinterpret_cast<ImTextureID>(static_cast<std::uintptr_t>(kFontTexture)));
  EM_ASM({ Module.qeRenderer.texture($0, $1, $2, HEAPU8.subarray($3, $3 + $1 * $2)); }, kFontTexture, width,
         height, pixels);
}

void SubmitFrame(const ImDrawData& draw_data, int width, int height, ImU32 clear_colour) {
  std::vector<std::uint8_t>& packet = Packet();
  packet.clear();
  const auto vertex_bytes = static_cast<std::uint32_t>(draw_data.TotalVtxCount * sizeof(ImDrawVert));
  const auto index_bytes = static_cast<std::uint32_t>((draw_data.TotalIdxCount * sizeof(ImDrawIdx) + 3) & ~3u);
  // The command count (last word) is written once the commands are: those without indices
  // are left out.
  const std::uint32_t header[6] = {static_cast<std::uint32_t>(width), static_cast<std::uint32_t>(height),
                                   clear_colour, vertex_bytes, index_bytes, 0};
  Append(packet, header, sizeof header);
  for (const ImDrawList* list : draw_data.CmdLists)
    Append(packet, list->VtxBuffer.Data, static_cast<std::size_t>(list->VtxBuffer.Size) * sizeof(ImDrawVert));
  for (const ImDrawList* list : draw_data.CmdLists)
    Append(packet, list->IdxBuffer.Data, static_cast<std::size_t>(list->IdxBuffer.Size) * sizeof(ImDrawIdx));
  packet.resize(sizeof header + vertex_bytes + index_bytes, 0);

  std::uint32_t list_vertex_offset = 0, list_index_offset = 0;
  for (const ImDrawList* list : draw_data.CmdLists) {
    for (const ImDrawCmd& command : list->CmdBuffer) {
      if (command.UserCallback != nullptr || command.ElemCount == 0) continue;  // the views use no callbacks
      const PacketCommand out = {
          {command.ClipRect.x, command.ClipRect.y, command.ClipRect.z, command.ClipRect.w},
          static_cast<std::uint32_t>(reinterpret_cast<std::uintptr_t>(command.GetTexID())),
          list_vertex_offset + command.VtxOffset * static_cast<std::uint32_t>(sizeof(ImDrawVert)),
          list_index_offset + command.IdxOffset * static_cast<std::uint32_t>(sizeof(ImDrawIdx)),
          command.ElemCount};
      Append(packet, &out, sizeof out);
    }
    list_vertex_offset += static_cast<std::uint32_t>(list->VtxBuffer.Size * sizeof(ImDrawVert));
    list_index_offset += static_cast<std::uint32_t>(list->IdxBuffer.Size * sizeof(ImDrawIdx));
  }
  const auto written = static_cast<std::uint32_t>((packet.size() - sizeof header - vertex_bytes - index_bytes) /
                                                  sizeof(PacketCommand));
  std::memcpy(packet.data() + 5 * sizeof(std::uint32_t), &written, sizeof written);
  EM_ASM({ Module.qeRenderer.frame(HEAPU8.subarray($0, $0 + $1)); }, packet.data(), packet.size());
}

}  // namespace qe::web

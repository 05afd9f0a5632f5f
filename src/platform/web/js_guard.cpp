// The streaming load's exports (web/app.js): each catches what the load throws (running out
// of wasm memory) and reports it as an error, so the explorer keeps its data. The only file
// of the explorer built with exception handling: it calls only the functions below, so no
// inline function the core shares gets landing pads (web_app.h).
#include <emscripten/emscripten.h>

#include <exception>
#include <new>

#include "platform/web/web_app.h"

extern "C" {

// Starts a load named `file_name` of `expected_bytes` (0: unknown); 0 when there is no
// memory for it.
EMSCRIPTEN_KEEPALIVE int qe_stream_begin(const char* file_name, int skip_invalid, double expected_bytes) {
  try {
    return qe::web::StreamBegin(file_name, skip_invalid, expected_bytes);
  } catch (...) {
    qe::web::StreamFailed(nullptr);
    return 0;
  }
}

// Where JavaScript writes the next `size` bytes (valid until the next call), or null.
EMSCRIPTEN_KEEPALIVE char* qe_stream_buffer(int size) {
  try {
    return qe::web::StreamBuffer(size);
  } catch (...) {
    return nullptr;
  }
}

// Reads `length` bytes from the buffer; 0 once the load has failed (stop feeding and call
// qe_stream_finish for the errors).
EMSCRIPTEN_KEEPALIVE int qe_stream_feed(int length) {
  try {
    return qe::web::StreamFeed(length);
  } catch (const std::bad_alloc&) {
    qe::web::StreamFailed(nullptr);  // drops the half-built load; qe_stream_finish reports it
  } catch (const std::exception& e) {
    qe::web::StreamFailed(e.what());
  } catch (...) {
    qe::web::StreamFailed("unknown");
  }
  return 0;
}

// Ends the load: "" when the explorer now shows it, else the errors, one per line (the
// explorer keeps what it showed).
EMSCRIPTEN_KEEPALIVE const char* qe_stream_finish() {
  try {
    return qe::web::StreamFinish();
  } catch (const std::bad_alloc&) {
    return qe::web::StreamFailed(nullptr);
  } catch (const std::exception& e) {
    return qe::web::StreamFailed(e.what());
  } catch (...) {
    return qe::web::StreamFailed("unknown");
  }
}

}  // extern "C"

// Quote Explorer's renderer: draws the Dear ImGui frames that quote-explorer.wasm packs
// (src/platform/web/render_bridge.cpp documents the packet) with WebGL 2.
//
// The same file runs in two places. As a dedicated worker it owns the canvas through an
// OffscreenCanvas, so creating the WebGL context (over half a second with a software GL)
// and waiting on the GPU never block the page: input, loading and the screen-reader mirror
// stay responsive. In a browser without OffscreenCanvas, app.js calls
// createQuoteExplorerRenderer on the page's own canvas instead.
'use strict';

const VERTEX_SHADER = `#version 300 es
uniform vec2 viewport;
layout(location = 0) in vec2 position;
layout(location = 1) in vec2 uv;
layout(location = 2) in vec4 colour;
out vec2 fragmentUv;
out vec4 fragmentColour;
void main() {
  fragmentUv = uv;
  fragmentColour = colour;
  gl_Position = vec4(position.x / viewport.x * 2.0 - 1.0, 1.0 - position.y / viewport.y * 2.0, 0.0, 1.0);
}`;

// The only texture is the font atlas, one byte of coverage a pixel (its white texel draws
// ImGui's solid shapes).
const FRAGMENT_SHADER = `#version 300 es
precision mediump float;
uniform sampler2D atlas;
in vec2 fragmentUv;
in vec4 fragmentColour;
out vec4 outColour;
void main() {
  outColour = vec4(fragmentColour.rgb, fragmentColour.a * texture(atlas, fragmentUv).r);
}`;

const HEADER_WORDS = 6;
const VERTEX_BYTES = 20;
const COMMAND_WORDS = 8;

// Returns { texture(id, width, height, pixels), frame(bytes) } drawing on `canvas` (an
// HTMLCanvasElement or an OffscreenCanvas), or null when it has no WebGL 2.
function createQuoteExplorerRenderer(canvas) {
  const gl = canvas.getContext('webgl2', { alpha: false, antialias: false, depth: false, stencil: false });
  if (!gl) return null;

  const compile = (type, source) => {
    const shader = gl.createShader(type);
    gl.shaderSource(shader, source);
    gl.compileShader(shader);
    return shader;
  };
  const program = gl.createProgram();
  gl.attachShader(program, compile(gl.VERTEX_SHADER, VERTEX_SHADER));
  gl.attachShader(program, compile(gl.FRAGMENT_SHADER, FRAGMENT_SHADER));
  gl.linkProgram(program);
  const viewport = gl.getUniformLocation(program, 'viewport');
  const vertexArray = gl.createVertexArray();
  const vertexBuffer = gl.createBuffer();
  const indexBuffer = gl.createBuffer();
  gl.bindVertexArray(vertexArray);
  gl.bindBuffer(gl.ARRAY_BUFFER, vertexBuffer);
  gl.bindBuffer(gl.ELEMENT_ARRAY_BUFFER, indexBuffer);
  for (const location of [0, 1, 2]) gl.enableVertexAttribArray(location);
  const pointAttributesAt = (offset) => {
    gl.vertexAttribPointer(0, 2, gl.FLOAT, false, VERTEX_BYTES, offset);
    gl.vertexAttribPointer(1, 2, gl.FLOAT, false, VERTEX_BYTES, offset + 8);
    gl.vertexAttribPointer(2, 4, gl.UNSIGNED_BYTE, true, VERTEX_BYTES, offset + 16);
  };
  gl.useProgram(program);
  gl.enable(gl.BLEND);
  gl.blendEquation(gl.FUNC_ADD);
  gl.blendFuncSeparate(gl.SRC_ALPHA, gl.ONE_MINUS_SRC_ALPHA, gl.ONE, gl.ONE_MINUS_SRC_ALPHA);
  gl.enable(gl.SCISSOR_TEST);
  gl.pixelStorei(gl.UNPACK_ALIGNMENT, 1);
  const textures = new Map();

  return {
    texture(id, width, height, pixels) {
      if (!textures.has(id)) textures.set(id, gl.createTexture());
      gl.bindTexture(gl.TEXTURE_2D, textures.get(id));
      gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MIN_FILTER, gl.LINEAR);
      gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MAG_FILTER, gl.LINEAR);
      gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_S, gl.CLAMP_TO_EDGE);
      gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_T, gl.CLAMP_TO_EDGE);
      gl.texImage2D(gl.TEXTURE_2D, 0, gl.R8, width, height, 0, gl.RED, gl.UNSIGNED_BYTE, pixels);
    },

    frame(bytes) {
      const header = new Uint32Array(bytes.buffer, bytes.byteOffset, HEADER_WORDS);
      const [width, height, clear, vertexBytes, indexBytes, commandCount] = header;
      if (canvas.width !== width || canvas.height !== height) {
        canvas.width = width;
        canvas.height = height;
      }
      gl.viewport(0, 0, width, height);
      gl.disable(gl.SCISSOR_TEST);
      gl.clearColor((clear & 0xff) / 255, ((clear >>> 8) & 0xff) / 255, ((clear >>> 16) & 0xff) / 255, 1);
      gl.clear(gl.COLOR_BUFFER_BIT);
      gl.enable(gl.SCISSOR_TEST);
      if (commandCount === 0) return;

      const vertexStart = bytes.byteOffset + HEADER_WORDS * 4;
      const indexStart = vertexStart + vertexBytes;
      const commandStart = indexStart + indexBytes;
      gl.uniform2f(viewport, width, height);
      gl.bufferData(gl.ARRAY_BUFFER, new Uint8Array(bytes.buffer, vertexStart, vertexBytes), gl.STREAM_DRAW);
      gl.bufferData(gl.ELEMENT_ARRAY_BUFFER, new Uint8Array(bytes.buffer, indexStart, indexBytes), gl.STREAM_DRAW);
      const floats = new Float32Array(bytes.buffer, commandStart, commandCount * COMMAND_WORDS);
      const words = new Uint32Array(bytes.buffer, commandStart, commandCount * COMMAND_WORDS);
      let attributesAt = -1;
      let boundTexture = 0;
      for (let c = 0; c < commandCount * COMMAND_WORDS; c += COMMAND_WORDS) {
        const x1 = Math.max(floats[c], 0);
        const y1 = Math.max(floats[c + 1], 0);
        const x2 = Math.min(floats[c + 2], width);
        const y2 = Math.min(floats[c + 3], height);
        if (x2 <= x1 || y2 <= y1) continue;
        if (words[c + 5] !== attributesAt) pointAttributesAt((attributesAt = words[c + 5]));
        if (words[c + 4] !== boundTexture) gl.bindTexture(gl.TEXTURE_2D, textures.get((boundTexture = words[c + 4])) ?? null);
        gl.scissor(Math.floor(x1), Math.floor(height - y2), Math.ceil(x2 - x1), Math.ceil(y2 - y1));
        gl.drawElements(gl.TRIANGLES, words[c + 7], gl.UNSIGNED_SHORT, words[c + 6]);
      }
    },
  };
}

// As a worker: messages from app.js. The canvas first ({ canvas }), answered with
// { ready } or { failed }; then textures and frames, each frame answered with { drawn } so
// the page knows what is on screen. Frames that arrive faster than they can be drawn are
// dropped: only the newest matters.
if (typeof WorkerGlobalScope !== 'undefined' && self instanceof WorkerGlobalScope) {
  let renderer = null;
  let newest = null;
  let drawScheduled = false;
  const draw = () => {
    drawScheduled = false;
    if (!newest) return;
    renderer.frame(new Uint8Array(newest.bytes));
    self.postMessage({ drawn: newest.number });
    newest = null;
  };
  self.onmessage = ({ data }) => {
    if (data.canvas) {
      renderer = createQuoteExplorerRenderer(data.canvas);
      self.postMessage(renderer ? { ready: true } : { failed: 'This browser cannot create a WebGL 2 context.' });
    } else if (!renderer) {
      // nothing to draw on: the page has been told
    } else if (data.texture) {
      draw(); // a frame still waiting was made for the texture it replaces
      const { id, width, height, pixels } = data.texture;
      renderer.texture(id, width, height, pixels);
    } else if (data.frame) {
      newest = data.frame;
      if (!drawScheduled) {
        drawScheduled = true;
        (self.requestAnimationFrame ?? ((callback) => setTimeout(callback, 0)))(draw);
      }
    }
  };
  self.postMessage({ loaded: true });
}

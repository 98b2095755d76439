// TEMPORARY: raw WebGL fill-rate probe.
const q = new URLSearchParams(location.search);
const c = document.getElementById('c') as HTMLCanvasElement;
c.width = innerWidth;
c.height = innerHeight;
const gl = c.getContext('webgl2', { antialias: false, premultipliedAlpha: q.has('pma'), alpha: !q.has('opaque') }) as WebGL2RenderingContext;
const vs = `#version 300 es
in vec2 p; out vec2 uv; void main(){ uv = p*0.5+0.5; gl_Position = vec4(p,0,1); }`;
const fs = `#version 300 es
precision mediump float; in vec2 uv; uniform float t; out vec4 o; void main(){ o = vec4(uv, t, 1.0); }`;
const sh = (type: number, src: string) => { const s = gl.createShader(type) as WebGLShader; gl.shaderSource(s, src); gl.compileShader(s); return s; };
const prog = gl.createProgram() as WebGLProgram;
gl.attachShader(prog, sh(gl.VERTEX_SHADER, vs));
gl.attachShader(prog, sh(gl.FRAGMENT_SHADER, fs));
gl.linkProgram(prog);
gl.useProgram(prog);
const buf = gl.createBuffer();
gl.bindBuffer(gl.ARRAY_BUFFER, buf);
gl.bufferData(gl.ARRAY_BUFFER, new Float32Array([-1, -1, 3, -1, -1, 3]), gl.STATIC_DRAW);
gl.enableVertexAttribArray(0);
gl.vertexAttribPointer(0, 2, gl.FLOAT, false, 0, 0);
if (q.has('blend')) { gl.enable(gl.BLEND); gl.blendFunc(gl.ONE, gl.ONE_MINUS_SRC_ALPHA); }
const layers = Number(q.get('layers') ?? 1);
const tl = gl.getUniformLocation(prog, 't');
let n = 0;
(window as unknown as Record<string, unknown>).__perf = () => ({ frames: n });
const frame = (now: number) => {
  gl.clearColor(0.1, 0.1, 0.1, 1);
  gl.clear(gl.COLOR_BUFFER_BIT);
  gl.uniform1f(tl, (now / 1000) % 1);
  for (let k = 0; k < layers; k++) gl.drawArrays(gl.TRIANGLES, 0, 3);
  n++;
  requestAnimationFrame(frame);
};
requestAnimationFrame(frame);

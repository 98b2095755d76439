// TEMPORARY: raw WebGL fill-rate probe.
const q = new URLSearchParams(location.search);
const c = document.getElementById('c') as HTMLCanvasElement;
c.width = innerWidth;
c.height = innerHeight;
const gl = c.getContext('webgl2', { antialias: false, premultipliedAlpha: true, alpha: false, stencil: q.has('stencil') }) as WebGL2RenderingContext;
const N = Number(q.get('tex') ?? 0);
const vs = `#version 300 es
in vec2 p; out vec2 uv; flat out float vt; void main(){ uv = p*0.5+0.5; vt = 0.0; gl_Position = vec4(p,0,1); }`;
let fs: string;
if (N === 0) fs = `#version 300 es
precision mediump float; in vec2 uv; flat in float vt; uniform float t; out vec4 o; void main(){ o = vec4(uv, t + vt, 1.0); }`;
else {
  const chain = Array.from({ length: N }, (_, i) => (i < N - 1 ? `if(tid < ${i}.5) o = texture(uT[${i}], uv); else ` : `o = texture(uT[${i}], uv);`)).join('\n');
  fs = `#version 300 es
precision mediump float; in vec2 uv; flat in float vt; uniform float t; uniform sampler2D uT[${N}]; out vec4 o; void main(){ float tid = ${q.has('varying') ? 'vt' : 't * 0.0'}; ${chain} }`;
}
const sh = (type: number, src: string) => { const s = gl.createShader(type) as WebGLShader; gl.shaderSource(s, src); gl.compileShader(s); if (!gl.getShaderParameter(s, gl.COMPILE_STATUS)) console.error(gl.getShaderInfoLog(s)); return s; };
const prog = gl.createProgram() as WebGLProgram;
gl.attachShader(prog, sh(gl.VERTEX_SHADER, vs));
gl.attachShader(prog, sh(gl.FRAGMENT_SHADER, fs));
gl.linkProgram(prog);
gl.useProgram(prog);
const texture = gl.createTexture();
gl.bindTexture(gl.TEXTURE_2D, texture);
const size = 256;
gl.texImage2D(gl.TEXTURE_2D, 0, gl.RGBA, size, size, 0, gl.RGBA, gl.UNSIGNED_BYTE, new Uint8Array(size * size * 4).fill(120));
gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MIN_FILTER, gl.LINEAR);
gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MAG_FILTER, gl.LINEAR);
for (let i = 0; i < N; i++) {
  gl.activeTexture(gl.TEXTURE0 + i);
  gl.bindTexture(gl.TEXTURE_2D, texture);
  gl.uniform1i(gl.getUniformLocation(prog, `uT[${i}]`), i);
}
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

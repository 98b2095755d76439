import { MeshSimple, Texture } from 'pixi.js';

const UVS = new Float32Array([0, 0, 1, 0, 1, 1, 0, 1]);
const INDICES = new Uint32Array([0, 1, 2, 0, 2, 3]);

/**
 * A textured rectangle (0, 0)–(w, h) drawn as an unbatched mesh: Pixi then uses its single-texture mesh shader, which
 * a software renderer fills several times faster than the multi-texture batch shader sprites use. For big areas.
 */
export function createQuad(w: number, h: number): MeshSimple {
  const m = new MeshSimple({
    texture: Texture.EMPTY,
    vertices: new Float32Array([0, 0, w, 0, w, h, 0, h]),
    uvs: UVS,
    indices: INDICES,
  });
  m.geometry.batchMode = 'no-batch';
  m.autoUpdate = false;
  return m;
}

/** Resizes a quad made by createQuad. */
export function resizeQuad(m: MeshSimple, w: number, h: number): void {
  const v = m.vertices;
  v[2] = w;
  v[4] = w;
  v[5] = h;
  v[7] = h;
  m.geometry.getBuffer('aPosition').update();
}

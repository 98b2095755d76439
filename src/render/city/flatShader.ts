import { Matrix, Shader, UniformGroup } from 'pixi.js';

const vertex = `
in vec2 aPosition;
in vec4 aColor;
out vec4 vColor;
uniform mat3 uProjectionMatrix;
uniform mat3 uWorldTransformMatrix;
uniform mat3 uTransformMatrix;
uniform vec4 uColor;
uniform float uRound;
void main() {
  mat3 mvp = uProjectionMatrix * uWorldTransformMatrix * uTransformMatrix;
  gl_Position = vec4((mvp * vec3(aPosition, 1.0)).xy, 0.0, 1.0);
  vColor = vec4(aColor.rgb * aColor.a, aColor.a) * uColor;
}`;

const fragment = `
in vec4 vColor;
out vec4 finalColor;
void main() {
  finalColor = vColor;
}`;

/**
 * A shader for Graphics made only of flat colour fills: no texture lookups at all (the default Graphics shader samples
 * up to 16 textures per pixel, which a software renderer pays for in full). Set it as `graphics.context.customShader`.
 */
export function createFlatShader(): Shader {
  return Shader.from({
    gl: { vertex, fragment, name: 'siren-flat' },
    resources: {
      localUniforms: new UniformGroup({
        uTransformMatrix: { value: new Matrix(), type: 'mat3x3<f32>' },
        uColor: { value: new Float32Array([1, 1, 1, 1]), type: 'vec4<f32>' },
        uRound: { value: 0, type: 'f32' },
      }),
    },
  });
}

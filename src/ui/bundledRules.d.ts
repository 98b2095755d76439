/** Every scenario's rules file in public/rules as text, keyed by scenario name (see src/dev/rulesPlugin.ts). */
declare module 'virtual:siren-bundled-rules' {
  const texts: Record<string, string>;
  export default texts;
}

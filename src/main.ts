import './ui/style.css';
import { startApp } from './ui/app';

const root = document.getElementById('app');
if (root) {
  startApp(root).catch((e: unknown) => {
    root.textContent = `Siren could not start: ${e instanceof Error ? e.message : String(e)}`;
    throw e;
  });
}

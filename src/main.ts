import './ui/style.css';
import { errorMessage } from './engine/result';
import { startApp } from './ui/app';

const root = document.getElementById('app');
if (root) {
  startApp(root).catch((e: unknown) => {
    root.textContent = `Siren could not start: ${errorMessage(e)}`;
    throw e;
  });
}

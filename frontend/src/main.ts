import { platformStatus } from './health';

const app = document.querySelector<HTMLElement>('#app')!;
app.innerHTML = '<h1>VET-NET</h1><p id="status">Checking the platform…</p>';

fetch('/actuator/health')
  .then((r) => r.json())
  .catch(() => null)
  .then((body) => {
    document.querySelector('#status')!.textContent = `Platform: ${platformStatus(body)}`;
  });

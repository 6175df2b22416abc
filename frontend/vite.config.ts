import { defineConfig } from 'vite';

// JSX goes through esbuild (tsconfig "jsx": "react-jsx"); no React plugin needed (no fast refresh).
// `npm run dev` proxies sign-in, the API and the room sockets to the gateway of `./vetnet run` (or
// VETNET_DEV_BACKEND). The Host header stays localhost:5173, so the gateway sends the issuer's answer back here
// (the launcher registers http://localhost:5173/login/oauth2/code/vetnet with the built-in issuer) and its
// cookies belong to this origin.
const backend = process.env.VETNET_DEV_BACKEND ?? 'http://localhost:8080';

export default defineConfig({
  server: {
    proxy: {
      '/api': { target: backend },
      '/oauth2': { target: backend },
      '/login': { target: backend },
      '/logout': { target: backend },
      '/ws': {
        target: backend.replace(/^http/, 'ws'),
        ws: true,
        // The gateway accepts room sockets only from its own origin (its Origin allowlist): speak as the page it
        // would have served.
        configure: (proxy) => proxy.on('proxyReqWs', (req) => req.setHeader('origin', backend)),
      },
    },
  },
  build: { chunkSizeWarningLimit: 1500 },
  test: { include: ['src/**/*.test.ts'] },
});

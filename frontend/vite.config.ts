import { defineConfig } from 'vite';

// JSX goes through esbuild (tsconfig "jsx": "react-jsx"); no React plugin needed (no fast refresh).
// `npm run dev` proxies the API and the room sockets to the gateway (or VETNET_DEV_BACKEND).
const backend = process.env.VETNET_DEV_BACKEND ?? 'http://localhost:8080';

export default defineConfig({
  server: {
    proxy: {
      '/api': { target: backend, changeOrigin: false },
      '/oauth2': { target: backend },
      '/login': { target: backend },
      '/logout': { target: backend },
      '/dev': { target: backend },
      '/ws': { target: backend.replace(/^http/, 'ws'), ws: true },
    },
  },
  build: { chunkSizeWarningLimit: 1500 },
  test: { include: ['src/**/*.test.ts'] },
});

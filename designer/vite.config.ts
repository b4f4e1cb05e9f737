import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// The host serves the built app; in development Vite proxies the API to a host started with
// `dotnet run --project engine/Workflows.Api --urls http://127.0.0.1:5181`.
export default defineConfig({
  plugins: [react()],
  server: {
    proxy: {
      '/api': 'http://127.0.0.1:5181',
      '/openapi': 'http://127.0.0.1:5181',
    },
  },
  build: {
    chunkSizeWarningLimit: 1500,
  },
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts'],
  },
});

import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

const server = process.env.SUNAP_SERVER_URL ?? "http://localhost:3100";

export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    proxy: { "/trpc": { target: server, changeOrigin: false } },
  },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      output: {
        manualChunks(id: string) {
          if (!id.includes("node_modules")) return undefined;
          if (/recharts|d3-|victory/.test(id)) return "charts";
          if (/antd|@ant-design|rc-/.test(id)) return "antd";
          if (/@refinedev|@tanstack/.test(id)) return "refine";
          return "vendor";
        },
      },
    },
  },
});

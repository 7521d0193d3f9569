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
      // The admin console, and the payers' public consent pages: a light bundle of their own.
      input: { main: "index.html", enroll: "enroll.html" },
      output: {
        // Groups capture modules (and their dependencies) by priority. React and the tRPC client come
        // first: the consent page shares them, and must not load the antd, refine or vendor chunks.
        codeSplitting: {
          groups: [
            { name: "react", test: /[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 50 },
            { name: "trpc", test: /[\\/]node_modules[\\/](@trpc|superjson|copy-anything|is-what)[\\/]/, priority: 50 },
            { name: "charts", test: /node_modules.*(recharts|d3-|victory)/, priority: 40 },
            { name: "antd", test: /node_modules.*(antd|@ant-design|rc-)/, priority: 30 },
            { name: "refine", test: /node_modules.*(@refinedev|@tanstack)/, priority: 20 },
            { name: "vendor", test: /node_modules/, priority: 10 },
          ],
        },
      },
    },
  },
});

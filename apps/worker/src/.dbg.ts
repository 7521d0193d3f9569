process.on("exit", (c) => console.error("EXIT", c));
await import("./main.ts");

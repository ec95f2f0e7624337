// The typed facade over the leakscan bindings (see ./index.ts).
export {};

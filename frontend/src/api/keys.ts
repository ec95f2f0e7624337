// The typed facade over the keys bindings (see ./index.ts).
export {};

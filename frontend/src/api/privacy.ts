// The typed facade over the privacy bindings (see ./index.ts).
export {};

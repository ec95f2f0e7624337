// The typed facade over the moderation bindings (see ./index.ts).
export {};

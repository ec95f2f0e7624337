// Icons only the privacy screen uses (the shared ones are in lib/icons.ts).
export { default as Check } from '@lucide/svelte/icons/check';
export { default as GitCompare } from '@lucide/svelte/icons/git-compare';
export { default as Layers } from '@lucide/svelte/icons/layers';

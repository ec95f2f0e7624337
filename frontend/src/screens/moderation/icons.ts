// Icons of the moderation screen beyond the shared set, imported one by one
// so only these are bundled; the shared ones are re-exported for convenience.
export * from '../../lib/icons';
export { default as ArrowLeftRight } from '@lucide/svelte/icons/arrow-left-right';
export { default as ChartLine } from '@lucide/svelte/icons/chart-line';
export { default as ChevronLeft } from '@lucide/svelte/icons/chevron-left';
export { default as ChevronRight } from '@lucide/svelte/icons/chevron-right';
export { default as CircleX } from '@lucide/svelte/icons/circle-x';
export { default as GitCompare } from '@lucide/svelte/icons/git-compare';
export { default as Hourglass } from '@lucide/svelte/icons/hourglass';
export { default as Image } from '@lucide/svelte/icons/image';
export { default as Pause } from '@lucide/svelte/icons/pause';
export { default as Pencil } from '@lucide/svelte/icons/pencil';
export { default as Play } from '@lucide/svelte/icons/play';
export { default as RotateCcw } from '@lucide/svelte/icons/rotate-ccw';
export { default as SlidersHorizontal } from '@lucide/svelte/icons/sliders-horizontal';
export { default as Square } from '@lucide/svelte/icons/square';
export { default as Type } from '@lucide/svelte/icons/type';
export { default as Zap } from '@lucide/svelte/icons/zap';

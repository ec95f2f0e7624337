// Icons the Usage and Gateway screens use beyond the shared set in lib/icons.
export { default as Activity } from '@lucide/svelte/icons/activity';
export { default as ArrowUpRight } from '@lucide/svelte/icons/arrow-up-right';
export { default as Bell } from '@lucide/svelte/icons/bell';
export { default as CalendarRange } from '@lucide/svelte/icons/calendar-range';
export { default as Coins } from '@lucide/svelte/icons/coins';
export { default as Eye } from '@lucide/svelte/icons/eye';
export { default as GitCompareArrows } from '@lucide/svelte/icons/git-compare-arrows';
export { default as Gauge } from '@lucide/svelte/icons/gauge';
export { default as Lock } from '@lucide/svelte/icons/lock';
export { default as Pencil } from '@lucide/svelte/icons/pencil';
export { default as Receipt } from '@lucide/svelte/icons/receipt';
export { default as RefreshCw } from '@lucide/svelte/icons/refresh-cw';
export { default as RotateCcw } from '@lucide/svelte/icons/rotate-ccw';
export { default as Unlink } from '@lucide/svelte/icons/unlink';
export { default as Wallet } from '@lucide/svelte/icons/wallet';

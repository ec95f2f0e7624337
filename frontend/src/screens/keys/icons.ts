// Icons the keys screen uses beyond the shared set in lib/icons, imported one
// by one so only these are bundled.
export { default as Ellipsis } from '@lucide/svelte/icons/ellipsis';
export { default as History } from '@lucide/svelte/icons/history';
export { default as LockKeyhole } from '@lucide/svelte/icons/lock-keyhole';
export { default as Pencil } from '@lucide/svelte/icons/pencil';
export { default as RefreshCw } from '@lucide/svelte/icons/refresh-cw';
export { default as ShieldAlert } from '@lucide/svelte/icons/shield-alert';
export { default as ShieldCheck } from '@lucide/svelte/icons/shield-check';
export { default as UserMinus } from '@lucide/svelte/icons/user-minus';
export { default as UserPlus } from '@lucide/svelte/icons/user-plus';
export { default as ChevronRight } from '@lucide/svelte/icons/chevron-right';
export { default as BadgeCheck } from '@lucide/svelte/icons/badge-check';

// Icons the leak scan screen uses beyond the shared set in lib/icons, imported
// one by one so only these are bundled.
export { default as ChevronRight } from '@lucide/svelte/icons/chevron-right';
export { default as CircleCheckBig } from '@lucide/svelte/icons/circle-check-big';
export { default as FileX } from '@lucide/svelte/icons/file-x';
export { default as FolderPlus } from '@lucide/svelte/icons/folder-plus';
export { default as GitCommitHorizontal } from '@lucide/svelte/icons/git-commit-horizontal';
export { default as Key } from '@lucide/svelte/icons/key';
export { default as OctagonAlert } from '@lucide/svelte/icons/octagon-alert';
export { default as RefreshCw } from '@lucide/svelte/icons/refresh-cw';
export { default as ShieldAlert } from '@lucide/svelte/icons/shield-alert';
export { default as SquareTerminal } from '@lucide/svelte/icons/square-terminal';

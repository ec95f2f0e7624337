// Icons the Gateway screen uses beyond the shared set in lib/icons.
export { default as ChartColumn } from '@lucide/svelte/icons/chart-column';
export { default as Play } from '@lucide/svelte/icons/play';
export { default as Square } from '@lucide/svelte/icons/square';
export { default as TicketCheck } from '@lucide/svelte/icons/ticket-check';
export { default as Server } from '@lucide/svelte/icons/server';
export { default as Terminal } from '@lucide/svelte/icons/terminal';
export { default as Pencil } from '@lucide/svelte/icons/pencil';
export { default as ShieldAlert } from '@lucide/svelte/icons/shield-alert';

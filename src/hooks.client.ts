import { usePageLocale } from '#lib/i18n/page-locale.ts';

// Before any component renders a message.
usePageLocale();

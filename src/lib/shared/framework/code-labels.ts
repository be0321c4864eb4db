// The words for the framework's fixed codes (priorities P1-P4, confidence levels) where no review's
// framework is at hand (a badge, a chart key). The framework data owns this wording and its
// translations, so these read the default framework version in the reader's language instead of
// keeping a second copy that could drift from it.
import { getLocale } from '../../paraglide/runtime.js';
import type { Confidence, Priority } from './codes.ts';
import { DEFAULT_FRAMEWORK, getFramework } from './index.ts';
import type { RecordLanguage } from './languages.ts';

function frameworkIn(locale: RecordLanguage) {
	return getFramework(DEFAULT_FRAMEWORK.id, DEFAULT_FRAMEWORK.version, locale) ?? DEFAULT_FRAMEWORK;
}

/** "Critical", "Critique", "حرجة"…: a priority's name. */
export function priorityLabel(priority: Priority, locale: RecordLanguage = getLocale()): string {
	return frameworkIn(locale).priority.rules.find((r) => r.code === priority)?.label ?? priority;
}

/** "Low", "Medium", "High" in the reader's language. */
export function confidenceLabel(confidence: Confidence, locale: RecordLanguage = getLocale()): string {
	return frameworkIn(locale).scale.confidence.find((c) => c.code === confidence)?.label ?? confidence;
}

// Rich text in the record: a Yjs XmlFragment as structured JSON (ProseMirror-like nodes with
// marks) and as plain text. Written here rather than through the editor library so the server
// can render a record without the browser editor code, and so the output is deterministic.
import * as Y from 'yjs';

export type RichTextMark = { type: string; attrs?: Record<string, unknown> };
export type RichTextNode =
	| { type: 'text'; text: string; marks?: RichTextMark[] }
	| { type: string; attrs?: Record<string, unknown>; content?: RichTextNode[] };

export type RichText = { json: RichTextNode[]; text: string };

const BLOCK_SEPARATOR = '\n';

function textNodes(text: Y.XmlText): RichTextNode[] {
	const out: RichTextNode[] = [];
	for (const op of text.toDelta() as Array<{ insert: unknown; attributes?: Record<string, unknown> }>) {
		if (typeof op.insert !== 'string') continue;
		const marks = op.attributes
			? Object.keys(op.attributes)
					.sort()
					.map((type) => {
						const attrs = op.attributes?.[type];
						return attrs && typeof attrs === 'object' && Object.keys(attrs).length > 0
							? { type, attrs: attrs as Record<string, unknown> }
							: { type };
					})
			: [];
		out.push(marks.length > 0 ? { type: 'text', text: op.insert, marks } : { type: 'text', text: op.insert });
	}
	return out;
}

function elementNode(element: Y.XmlElement): RichTextNode {
	const attrs = element.getAttributes() as Record<string, unknown>;
	const content = childNodes(element);
	const node: { type: string; attrs?: Record<string, unknown>; content?: RichTextNode[] } = { type: element.nodeName };
	if (Object.keys(attrs).length > 0) node.attrs = attrs;
	if (content.length > 0) node.content = content;
	return node;
}

function childNodes(parent: Y.XmlFragment | Y.XmlElement): RichTextNode[] {
	const out: RichTextNode[] = [];
	for (const child of parent.toArray()) {
		if (child instanceof Y.XmlText) out.push(...textNodes(child));
		else if (child instanceof Y.XmlElement) out.push(elementNode(child));
	}
	return out;
}

function plain(nodes: RichTextNode[]): string {
	return nodes
		.map((node) => ('text' in node && node.type === 'text' ? node.text : plain(('content' in node && node.content) || [])))
		.join('');
}

/** Block-level nodes become lines; inline text is joined. Empty fragments give empty text. */
export function richTextOf(fragment: Y.XmlFragment | null): RichText {
	if (!fragment) return { json: [], text: '' };
	const json = childNodes(fragment);
	const text = json
		.map((block) => ('text' in block && block.type === 'text' ? block.text : plain(('content' in block && block.content) || [])))
		.join(BLOCK_SEPARATOR)
		.trim();
	return { json, text };
}

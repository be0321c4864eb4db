// tiptap 3 bound to one Yjs XmlFragment, with named carets of the other participants.
import { Editor } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import type * as Y from 'yjs';
import type { HocuspocusProvider } from '@hocuspocus/provider';
import type { PresenceUser } from '#lib/shared/presence.ts';

export type CollaborativeEditorOptions = {
	element: HTMLElement;
	fragment: Y.XmlFragment;
	provider: HocuspocusProvider;
	user: PresenceUser;
	editable: boolean;
	label: string;
	placeholder?: string;
};

export function createCollaborativeEditor(opts: CollaborativeEditorOptions): Editor {
	return new Editor({
		element: opts.element,
		editable: opts.editable,
		// Every block reads its own direction from its first strong letter (dir="auto"): Arabic
		// in an English room and English in an Arabic room both read the right way round.
		textDirection: 'auto',
		extensions: [
			// Yjs keeps the history; tiptap's own undo would fight it.
			StarterKit.configure({ undoRedo: false, heading: { levels: [3, 4] } }),
			Collaboration.configure({ fragment: opts.fragment }),
			// The caret extension writes this object into the shared awareness field `user`, which
			// the presence bar also reads: pass the whole presence user, not only name and colour.
			CollaborationCaret.configure({ provider: opts.provider, user: { ...opts.user } })
		],
		editorProps: {
			attributes: {
				role: 'textbox',
				'aria-multiline': 'true',
				'aria-label': opts.label,
				'aria-readonly': String(!opts.editable),
				class: 'rich-text'
			}
		}
	});
}

// The plan's owner is free text ("Hana Harbour", "hana@port.example", "Harbour master"). It names
// an account when it equals, ignoring case and surrounding spaces, the email address of one of the
// review's participants, or else the name of exactly one of them. A role or a name two people
// share names nobody: the follow-up then says so instead of guessing.
export type Person = { userId: string; name: string; email: string };

export function matchOwner<P extends Person>(owner: string, people: readonly P[]): P | null {
	const wanted = owner.trim().toLowerCase();
	if (wanted === '') return null;
	const byEmail = people.find((p) => p.email.toLowerCase() === wanted);
	if (byEmail) return byEmail;
	const byName = people.filter((p) => p.name.trim().toLowerCase() === wanted);
	return byName.length === 1 ? byName[0] : null;
}

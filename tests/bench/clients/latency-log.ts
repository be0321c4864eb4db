// Latencies (ms) with the moment each update was written (monotonic ms), in growable
// Float64Arrays: a million samples without a million boxed numbers.
export class LatencyLog {
	#latency: Float64Array = new Float64Array(1 << 16);
	#sentAt: Float64Array = new Float64Array(1 << 16);
	#length = 0;

	push(latency: number, sentAt: number): void {
		if (this.#length === this.#latency.length) {
			this.#latency = grow(this.#latency);
			this.#sentAt = grow(this.#sentAt);
		}
		this.#latency[this.#length] = latency;
		this.#sentAt[this.#length++] = sentAt;
	}

	clear(): void {
		this.#length = 0;
	}

	latencies(): Float64Array {
		return this.#latency.slice(0, this.#length);
	}

	sentAt(): Float64Array {
		return this.#sentAt.slice(0, this.#length);
	}
}

function grow(values: Float64Array): Float64Array {
	const bigger = new Float64Array(values.length * 2);
	bigger.set(values);
	return bigger;
}

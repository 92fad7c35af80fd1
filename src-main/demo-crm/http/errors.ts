import { randomUUID } from 'node:crypto';

/** One entry of HubSpot's `errors[]` in an error body. */
export interface ErrorDetail {
  message: string;
  code?: string;
  in?: string;
  context?: Record<string, string[]>;
}

export interface ErrorBody {
  status: 'error';
  message: string;
  correlationId: string;
  category: string;
  errors?: ErrorDetail[];
  context?: Record<string, string[]>;
  [extra: string]: unknown;
}

/** Thrown by handlers; the server turns it into HubSpot's error body. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly category: string,
    message: string,
    readonly extra: { errors?: ErrorDetail[]; context?: Record<string, string[]>; [k: string]: unknown } = {},
  ) {
    super(message);
  }

  body(correlationId: string = randomUUID()): ErrorBody {
    return { status: 'error', message: this.message, correlationId, category: this.category, ...this.extra };
  }
}

export const validation = (message: string, errors?: ErrorDetail[], context?: Record<string, string[]>): HttpError =>
  new HttpError(400, 'VALIDATION_ERROR', message, { ...(errors ? { errors } : {}), ...(context ? { context } : {}) });

export const notFound = (message = 'resource not found'): HttpError => new HttpError(404, 'OBJECT_NOT_FOUND', message);

/** A per-property validation failure, in the shape HubSpot embeds in its message and in `errors[]`. */
export interface PropertyProblem {
  name: string;
  error: string;
  message: string;
}

/** HubSpot: `Property values were not valid: [{"isValid":false,"message":…,"error":…,"name":…}]`. */
export function propertyValidationError(problems: PropertyProblem[]): HttpError {
  const embedded = JSON.stringify(problems.map((p) => ({ isValid: false, message: p.message, error: p.error, name: p.name })));
  return validation(
    `Property values were not valid: ${embedded}`,
    problems.map((p) => ({ message: p.message, code: p.error, context: { propertyName: [p.name] } })),
  );
}

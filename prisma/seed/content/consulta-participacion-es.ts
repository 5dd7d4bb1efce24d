// A demo consultation written in Spanish by the Parley team, so the reading view, direction
// handling and accent-insensitive search show on real content ("participacion" finds it).

export const consultaParticipacion = {
  reference: "GDPF-RFC-2026-007",
  language: "es",
  title: "Directrices sobre la participación ciudadana en los servicios públicos digitales",
  abstract:
    "Este borrador propone cómo las administraciones públicas deben consultar a la ciudadanía antes de digitalizar un servicio: a quién invitar, cómo garantizar el acceso de las personas mayores y de las zonas rurales, y cómo rendir cuentas de lo que se hizo con cada aportación.",
  topics: ["participación", "servicios digitales", "inclusión"],
  authors: ["Lucas Moreau"],
  body: `# Objeto

Estas directrices se aplican a toda consulta pública previa a la digitalización de un servicio administrativo, ya sea nacional, regional o municipal.

# Principios

## Participación desde el inicio

La administración debe abrir la participación antes de elegir una solución técnica, cuando todavía es posible cambiar el diseño del servicio.

## Acceso para todas las personas

- Cada consulta ofrece una vía presencial o telefónica además del formulario en línea.
- Los documentos se publican en lenguaje claro y en las lenguas oficiales del territorio.
- Las personas mayores y las comunidades rurales reciben una invitación directa.

## Rendición de cuentas

Al cerrar la consulta, la administración publica un informe que explica qué aportaciones se aceptaron, cuáles no y por qué razón.

# Plazos

Ninguna consulta dura menos de seis semanas. Una ampliación del plazo se anuncia con al menos siete días de antelación.
`,
} as const;

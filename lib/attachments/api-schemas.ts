import { z } from "zod";

/** JSON shape of an attachment in the API (comment lists, the upload's answer), for OpenAPI. */
export const ZApiAttachment = z.object({
  id: z.string(),
  filename: z.string().describe("The uploader's file name, cleaned"),
  contentType: z.string().describe("Sniffed from the bytes: application/pdf, DOCX, ODT, text/plain, image/png or image/jpeg"),
  size: z.number().int().describe("Bytes"),
  url: z.string().describe("Download path on this instance (404 unless the comment is public)"),
});

export { authRoute as GET, authRoute as POST } from "@/lib/auth/route-handler";

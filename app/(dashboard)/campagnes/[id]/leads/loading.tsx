import { PageLoading } from "@/components/leads/page-loading";

export default PageLoading;
